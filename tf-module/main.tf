locals {
  provisioned = var.billing_mode == "PROVISIONED"

  # Exactly the caller's tags: no implicit Name tag, so an adopted table plans clean and all 50 tag
  # slots stay the user's. null means no tags at all (planton's --local: DynamoDB Local keeps none).
  tags = var.tags

  key_attribute_names = distinct(compact(concat(
    [var.hash_key, var.range_key == null ? "" : var.range_key],
    [for i in var.global_secondary_indexes : i.hash_key],
    [for i in var.global_secondary_indexes : i.range_key if i.range_key != null],
    [for i in var.local_secondary_indexes : i.range_key],
  )))
}

data "aws_region" "current" {}

resource "aws_dynamodb_table" "this" {
  name         = var.table_name
  billing_mode = var.billing_mode # always sent: the provider's own default is PROVISIONED
  hash_key     = var.hash_key
  range_key    = var.range_key

  read_capacity  = local.provisioned ? var.read_capacity : null
  write_capacity = local.provisioned ? var.write_capacity : null

  stream_enabled   = var.stream_enabled
  stream_view_type = var.stream_enabled ? var.stream_view_type : null

  table_class                 = var.table_class
  deletion_protection_enabled = var.deletion_protection_enabled

  restore_source_name      = var.restore_source_name
  restore_source_table_arn = var.restore_source_table_arn
  restore_date_time        = var.restore_date_time
  restore_to_latest_time   = var.restore_to_latest_time

  tags = local.tags

  dynamic "attribute" {
    for_each = var.attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "on_demand_throughput" {
    for_each = !local.provisioned && var.on_demand_throughput != null ? [var.on_demand_throughput] : []
    content {
      max_read_request_units  = on_demand_throughput.value.max_read_request_units
      max_write_request_units = on_demand_throughput.value.max_write_request_units
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes
    content {
      name               = global_secondary_index.value.name
      hash_key           = global_secondary_index.value.hash_key
      range_key          = global_secondary_index.value.range_key
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.projection_type == "INCLUDE" ? global_secondary_index.value.non_key_attributes : null
      read_capacity      = local.provisioned ? global_secondary_index.value.read_capacity : null
      write_capacity     = local.provisioned ? global_secondary_index.value.write_capacity : null

      dynamic "on_demand_throughput" {
        for_each = !local.provisioned && global_secondary_index.value.on_demand_throughput != null ? [global_secondary_index.value.on_demand_throughput] : []
        content {
          max_read_request_units  = on_demand_throughput.value.max_read_request_units
          max_write_request_units = on_demand_throughput.value.max_write_request_units
        }
      }
    }
  }

  dynamic "local_secondary_index" {
    for_each = var.local_secondary_indexes
    content {
      name               = local_secondary_index.value.name
      range_key          = local_secondary_index.value.range_key
      projection_type    = local_secondary_index.value.projection_type
      non_key_attributes = local_secondary_index.value.projection_type == "INCLUDE" ? local_secondary_index.value.non_key_attributes : null
    }
  }

  # On: the block. Off with an attribute name: `enabled = false`, which turns TTL off on an existing
  # table (AWS needs the name to disable; the provider makes no call on create when disabled). Off
  # without a name: no block, since a missing block is ignored by the provider, never an empty ttl {}.
  dynamic "ttl" {
    for_each = var.ttl_enabled || var.ttl_attribute_name != null ? [var.ttl_attribute_name] : []
    content {
      enabled        = var.ttl_enabled
      attribute_name = ttl.value
    }
  }

  # Always present, like terraform-aws-modules: enabled = false is how PITR is turned off again.
  point_in_time_recovery {
    enabled                 = var.point_in_time_recovery_enabled
    recovery_period_in_days = var.point_in_time_recovery_enabled ? var.point_in_time_recovery_period_in_days : null
  }

  dynamic "server_side_encryption" {
    for_each = var.server_side_encryption_enabled ? [var.server_side_encryption_kms_key_arn] : []
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value
    }
  }

  dynamic "replica" {
    for_each = var.replicas
    content {
      region_name            = replica.value.region_name
      kms_key_arn            = replica.value.kms_key_arn
      point_in_time_recovery = replica.value.point_in_time_recovery
      propagate_tags         = replica.value.propagate_tags
    }
  }

  dynamic "import_table" {
    for_each = var.import_table != null ? [var.import_table] : []
    content {
      input_format           = import_table.value.input_format
      input_compression_type = import_table.value.input_compression_type

      s3_bucket_source {
        bucket       = import_table.value.s3_bucket_source.bucket
        bucket_owner = import_table.value.s3_bucket_source.bucket_owner
        key_prefix   = import_table.value.s3_bucket_source.key_prefix
      }

      dynamic "input_format_options" {
        for_each = import_table.value.csv != null ? [import_table.value.csv] : []
        content {
          csv {
            delimiter   = input_format_options.value.delimiter
            header_list = input_format_options.value.header_list
          }
        }
      }
    }
  }

  dynamic "timeouts" {
    for_each = var.timeouts != null ? [var.timeouts] : []
    content {
      create = timeouts.value.create
      update = timeouts.value.update
      delete = timeouts.value.delete
    }
  }

  lifecycle {
    # Table-level capacity is set at creation and then left to whoever owns it: Application Auto
    # Scaling for autoscaled dimensions. ignore_changes cannot depend on a variable, and one resource
    # (no copies) keeps autoscaling toggles from recreating the table; see README.md "Capacity".
    ignore_changes = [read_capacity, write_capacity]

    precondition {
      condition     = !local.provisioned || (var.read_capacity != null && var.write_capacity != null && alltrue([for i in var.global_secondary_indexes : i.read_capacity != null && i.write_capacity != null]))
      error_message = "billing_mode PROVISIONED needs read_capacity and write_capacity on the table and on every global secondary index."
    }
    precondition {
      condition     = local.provisioned || (var.autoscaling_read == null && var.autoscaling_write == null && length(var.autoscaling_indexes) == 0)
      error_message = "Autoscaling needs billing_mode PROVISIONED."
    }
    precondition {
      condition     = alltrue([for name in keys(var.autoscaling_indexes) : contains([for i in var.global_secondary_indexes : i.name], name)])
      error_message = "autoscaling_indexes names an index that is not in global_secondary_indexes."
    }
    precondition {
      condition     = !local.provisioned || var.on_demand_throughput == null
      error_message = "on_demand_throughput needs billing_mode PAY_PER_REQUEST."
    }
    precondition {
      condition     = sort(local.key_attribute_names) == sort([for a in var.attributes : a.name])
      error_message = "attributes must list exactly the key attributes of the table and its indexes: ${join(", ", sort(local.key_attribute_names))}."
    }
    precondition {
      condition     = !var.ttl_enabled || try(length(var.ttl_attribute_name) > 0, false)
      error_message = "ttl_enabled needs ttl_attribute_name."
    }
    precondition {
      condition     = !var.stream_enabled || var.stream_view_type != null
      error_message = "stream_enabled needs stream_view_type."
    }
    precondition {
      condition     = length(var.replicas) == 0 || (var.stream_enabled && var.stream_view_type == "NEW_AND_OLD_IMAGES")
      error_message = "replicas need stream_enabled with stream_view_type NEW_AND_OLD_IMAGES."
    }
    precondition {
      condition     = length(var.local_secondary_indexes) == 0 || var.range_key != null
      error_message = "local_secondary_indexes need a table range_key."
    }
    precondition {
      condition     = var.import_table == null || (var.restore_source_name == null && var.restore_source_table_arn == null)
      error_message = "import_table cannot be combined with a restore."
    }
    precondition {
      condition     = var.import_table == null || length(var.local_secondary_indexes) == 0
      error_message = "import_table cannot create local secondary indexes (ImportTable has none; the provider would drop them and replace the table on the next plan)."
    }
    precondition {
      condition     = var.server_side_encryption_enabled || var.server_side_encryption_kms_key_arn == null
      error_message = "server_side_encryption_kms_key_arn needs server_side_encryption_enabled."
    }
    precondition {
      condition     = try(length(local.tags) <= 50, true)
      error_message = "At most 50 tags."
    }
  }
}

# Because table capacity changes are ignored (see lifecycle above), say so when a fixed (not
# autoscaled) capacity in the inputs no longer matches the table's: terraform will not apply it.
check "fixed_capacity_applied" {
  assert {
    # Conditionals, not ||: only the chosen branch is evaluated, so an on-demand table's unknown
    # capacities never make the check "known after apply".
    condition = !local.provisioned ? true : (
      (var.autoscaling_read != null ? true : aws_dynamodb_table.this.read_capacity == var.read_capacity) &&
      (var.autoscaling_write != null ? true : aws_dynamodb_table.this.write_capacity == var.write_capacity)
    )
    error_message = "Table ${var.table_name} has read/write capacity ${aws_dynamodb_table.this.read_capacity}/${aws_dynamodb_table.this.write_capacity} but the inputs ask for ${coalesce(var.read_capacity, 0)}/${coalesce(var.write_capacity, 0)}. The module leaves table capacity to Application Auto Scaling after creation, so this change is not applied: set autoscaling with min_capacity = max_capacity = the new value, or change it with `aws dynamodb update-table --provisioned-throughput`."
  }
}

resource "aws_dynamodb_contributor_insights" "this" {
  count = var.contributor_insights_enabled ? 1 : 0

  table_name = aws_dynamodb_table.this.name
}

resource "aws_dynamodb_resource_policy" "this" {
  count = var.resource_policy != null ? 1 : 0

  resource_arn = aws_dynamodb_table.this.arn
  policy       = var.resource_policy
}
