terraform {
  # 1.5: `check` blocks and lifecycle preconditions; optional() object attributes need 1.3.
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.98 is the first release with point_in_time_recovery.recovery_period_in_days.
      version = ">= 5.98, < 7"
    }
  }
}
