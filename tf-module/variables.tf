# Inputs of the module. Names are planton's tfvars (docs/contract.md, tfvars); planton's tfvars set every one of them explicitly.
# Rules that involve one variable are checked here; rules across variables are lifecycle preconditions in main.tf.
# The regions between `# BEGIN shared …` and `# END shared …` are generated from variables.shared.hcl by
# `npm run generate` (scripts/gen-module-shared.mjs): edit the fragment there, not the copy here.

variable "table_name" {
  description = "Name of the DynamoDB table: 3-255 characters of A-Z a-z 0-9 _ . -"
  type        = string

  # BEGIN shared name.validation subject=var.table_name label=table_name (npm run generate)
  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name must be 3-255 characters of A-Z, a-z, 0-9, '_', '.' or '-'."
  }
  # END shared name.validation
}

variable "billing_mode" {
  description = "PAY_PER_REQUEST (on-demand) or PROVISIONED. Always sent to AWS: the provider's own default is PROVISIONED."
  type        = string
  default     = "PAY_PER_REQUEST"

  validation {
    condition     = contains(["PAY_PER_REQUEST", "PROVISIONED"], var.billing_mode)
    error_message = "billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }
}

variable "hash_key" {
  description = "Attribute name of the table's partition key; it must appear in attributes."
  type        = string
}

variable "range_key" {
  description = "Attribute name of the table's sort key, or null for a table with a simple primary key."
  type        = string
  default     = null
}

variable "attributes" {
  description = "Every key attribute of the table and its indexes, once each: name and type S (string), N (number) or B (binary)."
  type = list(object({
    name = string
    type = string
  }))

  validation {
    condition     = alltrue([for a in var.attributes : contains(["S", "N", "B"], a.type)])
    error_message = "Each attribute type must be S, N or B."
  }

  validation {
    condition     = length(distinct([for a in var.attributes : a.name])) == length(var.attributes)
    error_message = "Each attribute name must appear once in attributes."
  }
}

variable "read_capacity" {
  description = "Provisioned read capacity units of the table (PROVISIONED only, else null). With read autoscaling it is only the value the table is created with (then the live value is kept, see live_table)."
  type        = number
  default     = null

  validation {
    condition     = var.read_capacity == null || try(var.read_capacity >= 1 && floor(var.read_capacity) == var.read_capacity, false)
    error_message = "read_capacity must be a whole number >= 1, or null."
  }
}

variable "write_capacity" {
  description = "Provisioned write capacity units of the table (PROVISIONED only, else null). With write autoscaling it is only the value the table is created with (then the live value is kept, see live_table)."
  type        = number
  default     = null

  validation {
    condition     = var.write_capacity == null || try(var.write_capacity >= 1 && floor(var.write_capacity) == var.write_capacity, false)
    error_message = "write_capacity must be a whole number >= 1, or null."
  }
}

variable "on_demand_throughput" {
  description = "Maximum on-demand request units of the table (PAY_PER_REQUEST only); -1 or null for no limit."
  type = object({
    max_read_request_units  = optional(number)
    max_write_request_units = optional(number)
  })
  default = null

  validation {
    condition = var.on_demand_throughput == null || alltrue([
      for v in [try(var.on_demand_throughput.max_read_request_units, null), try(var.on_demand_throughput.max_write_request_units, null)] : v == null || try(v >= 1 || v == -1, false)
    ])
    error_message = "on_demand_throughput units must be >= 1, or -1 for no limit, when set."
  }
}

variable "global_secondary_indexes" {
  description = "Global secondary indexes. non_key_attributes only with projection_type INCLUDE; capacities only with PROVISIONED; on_demand_throughput only with PAY_PER_REQUEST."
  type = list(object({
    name               = string
    hash_key           = string
    range_key          = optional(string)
    projection_type    = optional(string, "ALL")
    non_key_attributes = optional(list(string))
    read_capacity      = optional(number)
    write_capacity     = optional(number)
    on_demand_throughput = optional(object({
      max_read_request_units  = optional(number)
      max_write_request_units = optional(number)
    }))
  }))
  default = []

  validation {
    condition     = length(var.global_secondary_indexes) <= 20
    error_message = "A table has at most 20 global secondary indexes."
  }

  # BEGIN shared index.validation subject=var.global_secondary_indexes (npm run generate)
  validation {
    condition     = alltrue([for i in var.global_secondary_indexes : contains(["ALL", "KEYS_ONLY", "INCLUDE"], i.projection_type)])
    error_message = "projection_type must be ALL, KEYS_ONLY or INCLUDE."
  }

  validation {
    condition = alltrue([
      for i in var.global_secondary_indexes : (i.projection_type == "INCLUDE") == (try(length(i.non_key_attributes), 0) > 0)
    ])
    error_message = "non_key_attributes must be non-empty with projection_type INCLUDE and absent otherwise."
  }

  validation {
    condition     = alltrue([for i in var.global_secondary_indexes : can(regex("^[A-Za-z0-9_.-]{3,255}$", i.name))])
    error_message = "Index names must be 3-255 characters of A-Z, a-z, 0-9, '_', '.' or '-'."
  }
  # END shared index.validation
}

variable "local_secondary_indexes" {
  description = "Local secondary indexes (same partition key as the table, another sort key). Only at table creation."
  type = list(object({
    name               = string
    range_key          = string
    projection_type    = optional(string, "ALL")
    non_key_attributes = optional(list(string))
  }))
  default = []

  validation {
    condition     = length(var.local_secondary_indexes) <= 5
    error_message = "A table has at most 5 local secondary indexes."
  }

  # BEGIN shared index.validation subject=var.local_secondary_indexes (npm run generate)
  validation {
    condition     = alltrue([for i in var.local_secondary_indexes : contains(["ALL", "KEYS_ONLY", "INCLUDE"], i.projection_type)])
    error_message = "projection_type must be ALL, KEYS_ONLY or INCLUDE."
  }

  validation {
    condition = alltrue([
      for i in var.local_secondary_indexes : (i.projection_type == "INCLUDE") == (try(length(i.non_key_attributes), 0) > 0)
    ])
    error_message = "non_key_attributes must be non-empty with projection_type INCLUDE and absent otherwise."
  }

  validation {
    condition     = alltrue([for i in var.local_secondary_indexes : can(regex("^[A-Za-z0-9_.-]{3,255}$", i.name))])
    error_message = "Index names must be 3-255 characters of A-Z, a-z, 0-9, '_', '.' or '-'."
  }
  # END shared index.validation
}

variable "ttl_enabled" {
  description = "Whether items expire by time to live. Off means off: TTL is turned off with ttl_attribute_name, or else with the attribute it is live on (live_table); with neither, no block is sent."
  type        = bool
  default     = false
}

variable "ttl_attribute_name" {
  description = "Attribute holding the expiry time (epoch seconds); required when ttl_enabled, and needed to turn TTL off again."
  type        = string
  default     = null
}

variable "stream_enabled" {
  description = "Whether DynamoDB Streams is on."
  type        = bool
  default     = false
}

variable "stream_view_type" {
  description = "What a stream record holds: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES. Sent only when stream_enabled."
  type        = string
  default     = null

  validation {
    condition     = var.stream_view_type == null || contains(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"], coalesce(var.stream_view_type, "-"))
    error_message = "stream_view_type must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES."
  }
}

variable "point_in_time_recovery_enabled" {
  description = "Whether point-in-time recovery (continuous backups) is on."
  type        = bool
  default     = true
}

variable "point_in_time_recovery_period_in_days" {
  description = "Days of point-in-time recovery, 1-35; null keeps AWS's default (35). Used only when point_in_time_recovery_enabled."
  type        = number
  default     = null

  validation {
    condition     = var.point_in_time_recovery_period_in_days == null || try(var.point_in_time_recovery_period_in_days >= 1 && var.point_in_time_recovery_period_in_days <= 35, false)
    error_message = "point_in_time_recovery_period_in_days must be between 1 and 35."
  }
}

variable "server_side_encryption_enabled" {
  description = "Whether the table is encrypted with a KMS key (the AWS managed aws/dynamodb key unless server_side_encryption_kms_key_arn is set). false = AWS owned key."
  type        = bool
  default     = false
}

variable "server_side_encryption_kms_key_arn" {
  description = "ARN of a customer managed KMS key, or of a KMS alias (arn:aws:kms:REGION:ACCOUNT:alias/NAME); only with server_side_encryption_enabled."
  type        = string
  default     = null

  validation {
    condition     = var.server_side_encryption_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+$", coalesce(var.server_side_encryption_kms_key_arn, "-")))
    error_message = "server_side_encryption_kms_key_arn must be a KMS key ARN or a KMS alias ARN."
  }
}

variable "table_class" {
  description = "STANDARD or STANDARD_INFREQUENT_ACCESS; null means STANDARD."
  type        = string
  default     = "STANDARD"
  nullable    = false

  validation {
    condition     = contains(["STANDARD", "STANDARD_INFREQUENT_ACCESS"], var.table_class)
    error_message = "table_class must be STANDARD or STANDARD_INFREQUENT_ACCESS."
  }
}

variable "deletion_protection_enabled" {
  description = "Whether AWS refuses to delete the table."
  type        = bool
  default     = false
}

variable "contributor_insights_enabled" {
  description = "Whether CloudWatch Contributor Insights is on for the table; null means off."
  type        = bool
  default     = false
  nullable    = false
}

# Autoscaling: one object per dimension; null (or a missing side of an index) means no autoscaling there.
# Defaults match terraform-aws-modules/dynamodb-table v4 (target 70 %, cooldowns 0 s).

variable "autoscaling_read" {
  description = "Read capacity autoscaling of the table (PROVISIONED only), or null."
  type = object({
    # BEGIN shared autoscaling-target.type (npm run generate)
    min_capacity       = number
    max_capacity       = number
    target_value       = optional(number, 70)
    scale_in_cooldown  = optional(number, 0)
    scale_out_cooldown = optional(number, 0)
    # END shared autoscaling-target.type
  })
  default = null

  # BEGIN shared autoscaling-target.validation subject=var.autoscaling_read label=autoscaling_read (npm run generate)
  validation {
    condition = var.autoscaling_read == null || try(
      var.autoscaling_read.min_capacity >= 1 && var.autoscaling_read.min_capacity <= var.autoscaling_read.max_capacity &&
      var.autoscaling_read.target_value >= 20 && var.autoscaling_read.target_value <= 90 &&
      var.autoscaling_read.scale_in_cooldown >= 0 && var.autoscaling_read.scale_out_cooldown >= 0,
    false)
    error_message = "autoscaling_read needs 1 <= min_capacity <= max_capacity, target_value 20-90 and cooldowns >= 0."
  }
  # END shared autoscaling-target.validation
}

variable "autoscaling_write" {
  description = "Write capacity autoscaling of the table (PROVISIONED only), or null."
  type = object({
    # BEGIN shared autoscaling-target.type (npm run generate)
    min_capacity       = number
    max_capacity       = number
    target_value       = optional(number, 70)
    scale_in_cooldown  = optional(number, 0)
    scale_out_cooldown = optional(number, 0)
    # END shared autoscaling-target.type
  })
  default = null

  # BEGIN shared autoscaling-target.validation subject=var.autoscaling_write label=autoscaling_write (npm run generate)
  validation {
    condition = var.autoscaling_write == null || try(
      var.autoscaling_write.min_capacity >= 1 && var.autoscaling_write.min_capacity <= var.autoscaling_write.max_capacity &&
      var.autoscaling_write.target_value >= 20 && var.autoscaling_write.target_value <= 90 &&
      var.autoscaling_write.scale_in_cooldown >= 0 && var.autoscaling_write.scale_out_cooldown >= 0,
    false)
    error_message = "autoscaling_write needs 1 <= min_capacity <= max_capacity, target_value 20-90 and cooldowns >= 0."
  }
  # END shared autoscaling-target.validation
}

variable "autoscaling_indexes" {
  description = "Autoscaling of global secondary indexes, keyed by index name; read and write each optional."
  type = map(object({
    read = optional(object({
      # BEGIN shared autoscaling-target.type (npm run generate)
      min_capacity       = number
      max_capacity       = number
      target_value       = optional(number, 70)
      scale_in_cooldown  = optional(number, 0)
      scale_out_cooldown = optional(number, 0)
      # END shared autoscaling-target.type
    }))
    write = optional(object({
      # BEGIN shared autoscaling-target.type (npm run generate)
      min_capacity       = number
      max_capacity       = number
      target_value       = optional(number, 70)
      scale_in_cooldown  = optional(number, 0)
      scale_out_cooldown = optional(number, 0)
      # END shared autoscaling-target.type
    }))
  }))
  default = {}

  # BEGIN shared autoscaling-indexes.validation (npm run generate)
  validation {
    condition = alltrue(flatten([
      for name, idx in var.autoscaling_indexes : [
        for s in [idx.read, idx.write] : s == null || try(
          s.min_capacity >= 1 && s.min_capacity <= s.max_capacity &&
          s.target_value >= 20 && s.target_value <= 90 &&
          s.scale_in_cooldown >= 0 && s.scale_out_cooldown >= 0,
        false)
      ]
    ]))
    error_message = "Each index autoscaling side needs 1 <= min_capacity <= max_capacity, target_value 20-90 and cooldowns >= 0."
  }
  # END shared autoscaling-indexes.validation
}

variable "replicas" {
  description = "Replica regions of a global table (version 2019.11.21); null means none. Needs stream_enabled with NEW_AND_OLD_IMAGES."
  type = list(object({
    region_name            = string
    kms_key_arn            = optional(string)
    point_in_time_recovery = optional(bool, false)
    propagate_tags         = optional(bool, false)
  }))
  default  = []
  nullable = false

  validation {
    condition     = length(distinct([for r in var.replicas : r.region_name])) == length(var.replicas)
    error_message = "Replica region names must be unique."
  }
}

variable "import_table" {
  description = "Create the table from data in S3 (ImportTable), or null. csv only with input_format CSV."
  type = object({
    input_format           = string
    input_compression_type = optional(string)
    s3_bucket_source = object({
      bucket       = string
      bucket_owner = optional(string)
      key_prefix   = optional(string)
    })
    csv = optional(object({
      delimiter   = optional(string)
      header_list = optional(list(string))
    }))
  })
  default = null

  validation {
    condition     = var.import_table == null || contains(["CSV", "DYNAMODB_JSON", "ION"], try(var.import_table.input_format, "-"))
    error_message = "import_table.input_format must be CSV, DYNAMODB_JSON or ION."
  }

  validation {
    condition     = try(var.import_table.input_compression_type, null) == null || contains(["GZIP", "ZSTD", "NONE"], try(var.import_table.input_compression_type, "-"))
    error_message = "import_table.input_compression_type must be GZIP, ZSTD or NONE."
  }

  validation {
    condition     = try(var.import_table.csv, null) == null || try(var.import_table.input_format, "") == "CSV"
    error_message = "import_table.csv is only allowed with input_format CSV."
  }
}

variable "restore_source_name" {
  description = "Name of the table to restore from (point-in-time restore), or null."
  type        = string
  default     = null
}

variable "restore_source_table_arn" {
  description = "ARN of the table to restore from (cross-account or cross-region restore), or null."
  type        = string
  default     = null
}

variable "restore_date_time" {
  description = "Point in time to restore to (RFC 3339), or null."
  type        = string
  default     = null

  validation {
    condition     = var.restore_date_time == null || can(formatdate("YYYY", coalesce(var.restore_date_time, "-")))
    error_message = "restore_date_time must be an RFC 3339 timestamp such as 2026-11-20T10:00:00Z."
  }
}

variable "restore_to_latest_time" {
  description = "Restore to the latest restorable time, or null."
  type        = bool
  default     = null
}

variable "resource_policy" {
  description = "IAM resource-based policy of the table as a JSON string, or null for none."
  type        = string
  default     = null

  validation {
    condition     = var.resource_policy == null || can(jsondecode(coalesce(var.resource_policy, "-")).Statement)
    error_message = "resource_policy must be a JSON policy document with a Statement."
  }
}

variable "timeouts" {
  description = "Timeouts of table create/update/delete, as durations such as 30m or 2h; null fields keep the provider's defaults."
  type = object({
    create = optional(string)
    update = optional(string)
    delete = optional(string)
  })
  default = null

  validation {
    condition = var.timeouts == null || alltrue([
      for v in [try(var.timeouts.create, null), try(var.timeouts.update, null), try(var.timeouts.delete, null)] :
      v == null || can(regex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", v))
    ])
    error_message = "timeouts values must be durations such as 30m, 1h30m or 45s."
  }
}

variable "alarms" {
  description = "CloudWatch alarms. throttle: one alarm each on ReadThrottleEvents and WriteThrottleEvents (Sum over period_seconds > threshold)."
  type = object({
    throttle = optional(object({
      enabled            = optional(bool, true)
      threshold          = optional(number, 0)
      period_seconds     = optional(number, 300)
      evaluation_periods = optional(number, 2)
      alarm_actions      = optional(list(string), [])
    }))
  })
  default = {}

  validation {
    condition = try(var.alarms.throttle, null) == null || try(
      var.alarms.throttle.threshold >= 0 &&
      (contains([10, 30], var.alarms.throttle.period_seconds) || (var.alarms.throttle.period_seconds >= 60 && var.alarms.throttle.period_seconds % 60 == 0)),
    false)
    error_message = "alarms.throttle.period_seconds must be 10, 30 or a multiple of 60, and threshold >= 0."
  }

  validation {
    condition     = try(var.alarms.throttle, null) == null || try(var.alarms.throttle.evaluation_periods >= 1, false)
    error_message = "alarms.throttle.evaluation_periods must be >= 1."
  }
}

variable "tags" {
  description = "Tags of the table and the other resources, applied as given. null: no tags at all (for DynamoDB Local, which does not keep tags)."
  type        = map(string)
  default     = {}

  validation {
    condition     = var.tags == null || try(length(var.tags) <= 50 && alltrue([for k, v in var.tags : !startswith(k, "aws:") && length(k) >= 1 && length(k) <= 128 && length(v) <= 256]), false)
    error_message = "tags: at most 50, keys 1-128 characters not starting with aws:, values up to 256 characters."
  }
}
