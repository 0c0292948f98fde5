# Container Insights writes container logs (Fluent Bit) and metrics here; made by terraform first so they get a
# retention period instead of living forever.
resource "aws_cloudwatch_log_group" "container_insights" {
  for_each          = toset(["application", "dataplane", "host", "performance", "prometheus"])
  name              = "/aws/containerinsights/${module.eks.cluster_name}/${each.key}"
  retention_in_days = each.key == "application" ? 30 : 7
}

resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count     = var.alarm_email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  alarm_actions = [aws_sns_topic.alarms.arn]
  # The ALB exists once the Ingress is applied; its alarms follow on the apply after that (alb_name set).
  alb_dimension = var.alb_name == "" ? {} : { LoadBalancer = data.aws_lb.app[0].arn_suffix }
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx_rate" {
  count               = var.alb_name == "" ? 0 : 1
  alarm_name          = "${local.name}-5xx-rate"
  alarm_description   = "More than 1% of requests answered 5xx by the targets for 5 minutes"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "100 * errors / MAX([requests, 1])"
    label       = "5xx %"
    return_data = true
  }
  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = local.alb_dimension
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = local.alb_dimension
      period      = 60
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "alb_p99_latency" {
  count               = var.alb_name == "" ? 0 : 1
  alarm_name          = "${local.name}-p99-latency"
  alarm_description   = "p99 target response time above 1 s for 5 minutes"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = local.alb_dimension
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = 5
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# From the workers' /metrics, scraped by the CloudWatch agent (deploy/observability/cloudwatch-observability.json).
resource "aws_cloudwatch_metric_alarm" "outbox_lag" {
  alarm_name          = "${local.name}-outbox-lag"
  alarm_description   = "The oldest event not yet delivered to a consumer is more than 2 minutes old"
  namespace           = "ContainerInsights/Prometheus"
  metric_name         = "tasklane_outbox_oldest_undelivered_seconds"
  dimensions          = { ClusterName = module.eks.cluster_name, Namespace = local.namespace }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 120
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching" # no reading means no worker is running
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "rds_cpu" {
  for_each            = { primary = aws_db_instance.primary.identifier, replica = aws_db_instance.replica.identifier }
  alarm_name          = "${local.name}-rds-${each.key}-cpu"
  alarm_description   = "RDS ${each.key} CPU above 80% for 10 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = each.value }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "rds_storage" {
  alarm_name          = "${local.name}-rds-free-storage"
  alarm_description   = "Less than 10 GiB free on the primary (autoscaling storage may have hit its maximum)"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.primary.identifier }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10 * 1024 * 1024 * 1024
  comparison_operator = "LessThanThreshold"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "redis_memory" {
  alarm_name          = "${local.name}-redis-memory"
  alarm_description   = "Redis memory above 80% of maxmemory"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  dimensions          = { ReplicationGroupId = aws_elasticache_replication_group.redis.id }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_dashboard" "app" {
  dashboard_name = local.name
  dashboard_body = templatefile("${path.module}/../observability/cloudwatch-dashboard.json.tpl", {
    region    = var.region
    cluster   = module.eks.cluster_name
    namespace = local.namespace
    alb       = var.alb_name == "" ? "" : data.aws_lb.app[0].arn_suffix
  })
}
