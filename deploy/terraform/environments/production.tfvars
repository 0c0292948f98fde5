environment        = "production"
region             = "eu-west-1"
domain_name        = "tasklane.example.com"
route53_zone_name  = "example.com"
github_repository  = "example-org/tasklane"
cluster_admin_arns = []
alb_name           = ""                                           # after the first deploy: "tasklane-production"
ci_role_arn        = "arn:aws:iam::123456789012:role/tasklane-ci" # bootstrap output ci_role_arn
