# One environment of Tasklane on AWS: a VPC, EKS (web, realtime and worker pods), RDS PostgreSQL with a read replica,
# ElastiCache Redis (TLS), an S3 bucket for attachments, and the cluster add-ons the manifests in deploy/k8s rely on.
# Account-wide pieces (state bucket, ECR, the GitHub OIDC role) live in ./bootstrap. README: Deployment.
locals {
  name      = "tasklane-${var.environment}"
  namespace = "tasklane-${var.environment}"
}

data "aws_availability_zones" "available" {}
data "aws_caller_identity" "current" {}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.16"

  name                         = local.name
  cidr                         = "10.20.0.0/16"
  azs                          = slice(data.aws_availability_zones.available.names, 0, 3)
  private_subnets              = ["10.20.1.0/24", "10.20.2.0/24", "10.20.3.0/24"]
  public_subnets               = ["10.20.101.0/24", "10.20.102.0/24", "10.20.103.0/24"]
  database_subnets             = ["10.20.201.0/24", "10.20.202.0/24", "10.20.203.0/24"]
  elasticache_subnets          = ["10.20.211.0/24", "10.20.212.0/24", "10.20.213.0/24"]
  create_database_subnet_group = true
  enable_nat_gateway           = true
  single_nat_gateway           = var.environment != "production"
  enable_dns_hostnames         = true
  public_subnet_tags           = { "kubernetes.io/role/elb" = 1 }
  private_subnet_tags          = { "kubernetes.io/role/internal-elb" = 1 }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name                   = local.name
  cluster_version                = var.kubernetes_version
  vpc_id                         = module.vpc.vpc_id
  subnet_ids                     = module.vpc.private_subnets
  cluster_endpoint_public_access = true
  enable_irsa                    = true

  # Access entries (not the aws-auth ConfigMap): whoever runs terraform, the operators, and the deploy pipeline.
  authentication_mode                      = "API"
  enable_cluster_creator_admin_permissions = true
  access_entries = merge(
    { for i, arn in var.cluster_admin_arns : "admin-${i}" => {
      principal_arn = arn
      policy_associations = {
        admin = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    } },
    # terraform plan on pull requests reads the Helm releases (bootstrap output ci_role_arn).
    var.ci_role_arn == "" ? {} : {
      ci-plan = {
        principal_arn = var.ci_role_arn
        policy_associations = {
          view = {
            policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy"
            access_scope = { type = "cluster" }
          }
        }
      }
    },
    {
      deploy = {
        principal_arn = aws_iam_role.deploy.arn
        policy_associations = {
          # Edit rights in the app's namespace only.
          edit = {
            policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"
            access_scope = { type = "namespace", namespaces = [local.namespace] }
          }
          view = {
            policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
            access_scope = { type = "cluster" }
          }
        }
      }
    },
  )

  cluster_addons = {
    coredns                = {}
    kube-proxy             = {}
    vpc-cni                = {}
    eks-pod-identity-agent = {}
    # Container Insights: the CloudWatch agent (metrics, Prometheus scraping) and Fluent Bit (container logs).
    amazon-cloudwatch-observability = {
      service_account_role_arn = module.cloudwatch_agent_role.iam_role_arn
      configuration_values     = file("${path.module}/../observability/cloudwatch-observability.json")
    }
  }

  eks_managed_node_groups = {
    default = {
      instance_types = [var.node_instance_type]
      min_size       = var.node_min_size
      max_size       = var.node_max_size
      desired_size   = var.node_min_size
    }
  }
}
