output "cluster_name" { value = module.eks.cluster_name }
output "database_endpoint" { value = aws_db_instance.primary.endpoint }
output "database_replica_endpoint" { value = aws_db_instance.replica.endpoint }
output "redis_endpoint" { value = aws_elasticache_replication_group.redis.primary_endpoint_address }
output "attachments_bucket" { value = aws_s3_bucket.attachments.bucket }
output "attachments_role_arn" { value = module.app_role.iam_role_arn }
