# Everything the app's ExternalSecret (deploy/k8s/base/secrets.yaml) needs, in one JSON secret: it builds
# DATABASE_URL, DATABASE_REPLICA_URL, REDIS_URL and AUTH_SECRET from these parts. The app's database user is its
# own (not the RDS master); the bootstrap Job creates it with this password.
resource "random_password" "db_app" {
  length  = 40
  special = false
}

resource "random_password" "auth_secret" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "app" {
  name                    = "${local.name}/app"
  description             = "Tasklane ${var.environment}: database, Redis and session secrets (read by External Secrets)"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id = aws_secretsmanager_secret.app.id
  secret_string = jsonencode({
    db_host          = aws_db_instance.primary.address
    db_replica_host  = aws_db_instance.replica.address
    db_port          = tostring(aws_db_instance.primary.port)
    db_name          = aws_db_instance.primary.db_name
    db_username      = "tasklane"
    db_password      = random_password.db_app.result
    redis_host       = aws_elasticache_replication_group.redis.primary_endpoint_address
    redis_port       = "6379"
    redis_auth_token = random_password.redis_auth.result
    auth_secret      = random_password.auth_secret.result
    # Set by hand in the console or CLI (README); terraform keeps what is there.
    resend_api_key = ""
  })
  lifecycle {
    ignore_changes = [secret_string]
  }
}
