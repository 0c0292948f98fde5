variable "environment" {
  description = "staging or production: names every resource and the Kubernetes namespace tasklane-<environment>"
  type        = string
  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment is staging or production."
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "domain_name" {
  description = "The public host name, e.g. tasklane.example.com; its zone must be hosted in Route 53"
  type        = string
}

variable "route53_zone_name" {
  description = "The Route 53 hosted zone that holds domain_name, e.g. example.com"
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows may push images and deploy (OIDC)"
  type        = string
}

variable "cluster_admin_arns" {
  description = "IAM users or roles given cluster-admin on EKS (access entries), e.g. the operator's SSO role"
  type        = list(string)
  default     = []
}

variable "ci_role_arn" {
  description = "The pipeline's plan role (output ci_role_arn of ./bootstrap): read access to the cluster for terraform plan"
  type        = string
  default     = ""
}

variable "kubernetes_version" {
  type    = string
  default = "1.31"
}

variable "node_instance_type" {
  type    = string
  default = "m6i.large"
}

variable "node_min_size" {
  type    = number
  default = 3
}

variable "node_max_size" {
  type    = number
  default = 12
}

variable "db_instance_class" {
  type    = string
  default = "db.r6g.large"
}

variable "db_multi_az" {
  type    = bool
  default = true
}

variable "redis_node_type" {
  type    = string
  default = "cache.r6g.large"
}

variable "alarm_email" {
  description = "Where CloudWatch alarms are sent (an SNS email subscription); empty for none"
  type        = string
  default     = ""
}

variable "alb_name" {
  description = "The ALB's name, as set by the Ingress annotation alb.ingress.kubernetes.io/load-balancer-name"
  type        = string
  default     = ""
}

variable "load_balancer_controller_chart_version" {
  type    = string
  default = "1.11.0"
}

variable "metrics_server_chart_version" {
  type    = string
  default = "3.12.2"
}

variable "external_secrets_chart_version" {
  description = "A release that still serves external-secrets.io/v1beta1, which deploy/k8s uses"
  type        = string
  default     = "0.16.2"
}
