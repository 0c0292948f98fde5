# The pods' service account (IRSA) may read and write attachments, nothing else.
data "aws_iam_policy_document" "attachments" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.attachments.arn}/*"]
  }
}

module "app_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.0"

  role_name        = "tasklane-app"
  role_policy_arns = { attachments = aws_iam_policy.attachments.arn }
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["default:tasklane"]
    }
  }
}

resource "aws_iam_policy" "attachments" {
  name   = "tasklane-attachments"
  policy = data.aws_iam_policy_document.attachments.json
}
