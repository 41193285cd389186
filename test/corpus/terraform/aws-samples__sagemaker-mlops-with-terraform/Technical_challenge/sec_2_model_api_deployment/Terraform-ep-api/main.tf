provider "aws" {
  region  = var.region
  profile = "default"
}

