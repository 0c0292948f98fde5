{
  "widgets": [
    {
      "type": "metric",
      "x": 0,
      "y": 0,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Requests and 5xx (ALB)",
        "metrics": [
          [
            "AWS/ApplicationELB",
            "RequestCount",
            "LoadBalancer",
            "${alb}"
          ],
          [
            ".",
            "HTTPCode_Target_5XX_Count",
            ".",
            "."
          ],
          [
            ".",
            "HTTPCode_ELB_5XX_Count",
            ".",
            "."
          ]
        ],
        "stat": "Sum",
        "period": 60
      }
    },
    {
      "type": "metric",
      "x": 12,
      "y": 0,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Target response time p50/p99 (ALB)",
        "metrics": [
          [
            "AWS/ApplicationELB",
            "TargetResponseTime",
            "LoadBalancer",
            "${alb}",
            {
              "stat": "p50"
            }
          ],
          [
            "...",
            {
              "stat": "p99"
            }
          ]
        ],
        "stat": "p99",
        "period": 60
      }
    },
    {
      "type": "metric",
      "x": 0,
      "y": 6,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Outbox: oldest undelivered event (s)",
        "metrics": [
          [
            "ContainerInsights/Prometheus",
            "tasklane_outbox_oldest_undelivered_seconds",
            "ClusterName",
            "${cluster}",
            "Namespace",
            "${namespace}"
          ]
        ],
        "stat": "Maximum",
        "period": 60
      }
    },
    {
      "type": "metric",
      "x": 12,
      "y": 6,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Outbox: undelivered events",
        "metrics": [
          [
            "ContainerInsights/Prometheus",
            "tasklane_outbox_undelivered_events",
            "ClusterName",
            "${cluster}",
            "Namespace",
            "${namespace}"
          ]
        ],
        "stat": "Maximum",
        "period": 60
      }
    },
    {
      "type": "metric",
      "x": 0,
      "y": 12,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Realtime sockets",
        "metrics": [
          [
            "ContainerInsights/Prometheus",
            "tasklane_realtime_sockets",
            "ClusterName",
            "${cluster}",
            "Namespace",
            "${namespace}"
          ]
        ],
        "stat": "Sum",
        "period": 60
      }
    },
    {
      "type": "metric",
      "x": 12,
      "y": 12,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Email and webhook failures",
        "metrics": [
          [
            "ContainerInsights/Prometheus",
            "tasklane_email_failures_total",
            "ClusterName",
            "${cluster}",
            "Namespace",
            "${namespace}"
          ],
          [
            ".",
            "tasklane_webhook_failures_total",
            ".",
            ".",
            ".",
            "."
          ]
        ],
        "stat": "Sum",
        "period": 60
      }
    },
    {
      "type": "metric",
      "x": 0,
      "y": 18,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "RDS CPU (%)",
        "metrics": [
          [
            "AWS/RDS",
            "CPUUtilization",
            "DBInstanceIdentifier",
            "${cluster}"
          ],
          [
            "...",
            "${cluster}-replica"
          ]
        ],
        "stat": "Average",
        "period": 300
      }
    },
    {
      "type": "metric",
      "x": 12,
      "y": 18,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Redis memory (% of maxmemory)",
        "metrics": [
          [
            "AWS/ElastiCache",
            "DatabaseMemoryUsagePercentage",
            "ReplicationGroupId",
            "${cluster}"
          ]
        ],
        "stat": "Maximum",
        "period": 300
      }
    },
    {
      "type": "metric",
      "x": 0,
      "y": 24,
      "width": 12,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "${region}",
        "title": "Pod CPU by service (Container Insights)",
        "metrics": [
          [
            "ContainerInsights",
            "pod_cpu_utilization",
            "PodName",
            "tasklane-web",
            "Namespace",
            "${namespace}",
            "ClusterName",
            "${cluster}"
          ],
          [
            "...",
            "tasklane-realtime",
            ".",
            ".",
            ".",
            "."
          ],
          [
            "...",
            "tasklane-worker",
            ".",
            ".",
            ".",
            "."
          ]
        ],
        "stat": "Average",
        "period": 60
      }
    }
  ]
}
