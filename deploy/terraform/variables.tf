variable "region" {
  type    = string
  default = "eu-west-1"
}
variable "node_instance_type" {
  type    = string
  default = "m6i.large"
}
variable "db_instance_class" {
  type    = string
  default = "db.r6g.large"
}
variable "redis_node_type" {
  type    = string
  default = "cache.r6g.large"
}
variable "attachments_bucket" {
  type    = string
  default = "tasklane-attachments"
}
