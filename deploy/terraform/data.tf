resource "aws_security_group" "data" {
  name        = "${local.name}-data"
  description = "PostgreSQL and Redis, reachable from the cluster's nodes only"
  vpc_id      = module.vpc.vpc_id

  ingress {
    description     = "PostgreSQL from the cluster"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [module.eks.node_security_group_id]
  }
  ingress {
    description     = "Redis from the cluster"
    from_port       = 6379
    to_port         = 6379
    protocol        = "tcp"
    security_groups = [module.eks.node_security_group_id]
  }
}

resource "aws_db_parameter_group" "postgres" {
  name   = "${local.name}-pg15"
  family = "postgres15"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

# The master user belongs to RDS: its password is managed (and rotated) in Secrets Manager, and only the database
# bootstrap Job (deploy/k8s/bootstrap) uses it, to create the app's own user (db_username below).
resource "aws_db_instance" "primary" {
  identifier                   = local.name
  engine                       = "postgres"
  engine_version               = "15"
  instance_class               = var.db_instance_class
  allocated_storage            = 100
  max_allocated_storage        = 1000
  storage_encrypted            = true
  db_name                      = "tasklane"
  username                     = "tasklane_admin"
  manage_master_user_password  = true
  multi_az                     = var.db_multi_az
  db_subnet_group_name         = module.vpc.database_subnet_group_name
  vpc_security_group_ids       = [aws_security_group.data.id]
  parameter_group_name         = aws_db_parameter_group.postgres.name
  backup_retention_period      = 14
  deletion_protection          = var.environment == "production"
  performance_insights_enabled = true
  skip_final_snapshot          = var.environment != "production"
  final_snapshot_identifier    = "${local.name}-final"
}

# Reads that may lag (DATABASE_REPLICA_URL): the analytics aggregates.
resource "aws_db_instance" "replica" {
  identifier             = "${local.name}-replica"
  replicate_source_db    = aws_db_instance.primary.identifier
  instance_class         = var.db_instance_class
  vpc_security_group_ids = [aws_security_group.data.id]
  parameter_group_name   = aws_db_parameter_group.postgres.name
  storage_encrypted      = true
  skip_final_snapshot    = true
}

resource "random_password" "redis_auth" {
  length  = 48
  special = false # AUTH tokens allow only printable ASCII without @, ", /
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = local.name
  description                = "Tasklane fan-out, caches and rate limits"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.redis_node_type
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = module.vpc.elasticache_subnet_group_name
  security_group_ids         = [aws_security_group.data.id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true # clients connect with rediss://
  auth_token                 = random_password.redis_auth.result
}
