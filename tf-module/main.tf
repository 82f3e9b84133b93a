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

  read_capacity  = local.provisioned ? local.table_read_capacity : null
  write_capacity = local.provisioned ? local.table_write_capacity : null

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
      read_capacity      = local.provisioned ? local.index_capacity[global_secondary_index.value.name].read : null
      write_capacity     = local.provisioned ? local.index_capacity[global_secondary_index.value.name].write : null

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

  # On: the block. Off with an attribute name (given, or the one TTL is live on): `enabled = false`,
  # which turns TTL off on an existing table (AWS needs the name to disable; the provider makes no call
  # on create when disabled). Off with no name anywhere: TTL is off already, and no block is sent.
  dynamic "ttl" {
    for_each = var.ttl_enabled || local.ttl_attribute_name != null ? [local.ttl_attribute_name] : []
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

  # No ignore_changes on capacities: autoscaled dimensions are given their live value instead
  # (live.tf), so one resource serves both cases and turning autoscaling on or off never moves it.
  lifecycle {
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
    # AWS cannot move TTL to another attribute in one step (UpdateTimeToLive fails with "TimeToLive is
    # active on a different AttributeName") and allows one TTL change per table per hour, so a rename
    # while TTL is on takes two applies: stopped here at plan time, before anything is changed.
    precondition {
      condition     = !var.ttl_enabled || local.live_ttl_attribute == null || local.live_ttl_attribute == var.ttl_attribute_name
      error_message = "TTL is on for attribute \"${coalesce(local.live_ttl_attribute, "-")}\" of the live table, and ttl_attribute_name asks for \"${coalesce(var.ttl_attribute_name, "-")}\": AWS cannot rename the TTL attribute while TTL is on, and allows one TTL change per table per hour. Turn TTL off first (planton: spec.ttl.enabled: false), apply, then set the new attribute with TTL on and apply again (AWS may refuse that second change for up to an hour)."
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

resource "aws_dynamodb_contributor_insights" "this" {
  count = var.contributor_insights_enabled ? 1 : 0

  table_name = aws_dynamodb_table.this.name
}

resource "aws_dynamodb_resource_policy" "this" {
  count = var.resource_policy != null ? 1 : 0

  resource_arn = aws_dynamodb_table.this.arn
  policy       = var.resource_policy
}
