# Production on AWS: a VPC, EKS for the web and realtime pods, RDS PostgreSQL
# (with a read replica), ElastiCache Redis and an S3 bucket for attachments.
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = var.region
}

data "aws_availability_zones" "available" {}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name                 = "tasklane"
  cidr                 = "10.20.0.0/16"
  azs                  = slice(data.aws_availability_zones.available.names, 0, 3)
  private_subnets      = ["10.20.1.0/24", "10.20.2.0/24", "10.20.3.0/24"]
  public_subnets       = ["10.20.101.0/24", "10.20.102.0/24", "10.20.103.0/24"]
  database_subnets     = ["10.20.201.0/24", "10.20.202.0/24", "10.20.203.0/24"]
  elasticache_subnets  = ["10.20.211.0/24", "10.20.212.0/24", "10.20.213.0/24"]
  enable_nat_gateway   = true
  single_nat_gateway   = false
  enable_dns_hostnames = true
  public_subnet_tags   = { "kubernetes.io/role/elb" = 1 }
  private_subnet_tags  = { "kubernetes.io/role/internal-elb" = 1 }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name                   = "tasklane"
  cluster_version                = "1.30"
  vpc_id                         = module.vpc.vpc_id
  subnet_ids                     = module.vpc.private_subnets
  cluster_endpoint_public_access = true
  enable_irsa                    = true

  eks_managed_node_groups = {
    default = {
      instance_types = [var.node_instance_type]
      min_size       = 3
      max_size       = 12
      desired_size   = 3
    }
  }
}
