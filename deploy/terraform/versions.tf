terraform {
  required_version = ">= 1.10" # S3 state locking with use_lockfile
  required_providers {
    aws        = { source = "hashicorp/aws", version = "~> 5.80" }
    helm       = { source = "hashicorp/helm", version = "~> 2.16" }
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.35" }
    random     = { source = "hashicorp/random", version = "~> 3.6" }
  }

  # Partial configuration: `terraform init -backend-config=environments/<env>.s3.tfbackend` names the bucket made by
  # ./bootstrap and this environment's key. use_lockfile locks the state with an S3 object (no DynamoDB table).
  backend "s3" {}
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { Project = "tasklane", Environment = var.environment, ManagedBy = "terraform" }
  }
}

# Helm and Kubernetes talk to the cluster this configuration creates, with a token from the AWS CLI.
provider "helm" {
  kubernetes {
    host                   = module.eks.cluster_endpoint
    cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
    }
  }
}

provider "kubernetes" {
  host                   = module.eks.cluster_endpoint
  cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
  }
}
