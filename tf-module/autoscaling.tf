# Target-tracking autoscaling for exactly the dimensions asked for: table read/write and each GSI's.
# Resource ids, scalable dimensions and policy names are those terraform-aws-modules/dynamodb-table v4 plans.

locals {
  autoscaling_table = {
    for dim, s in { read = var.autoscaling_read, write = var.autoscaling_write } : dim => {
      resource_id        = "table/${aws_dynamodb_table.this.name}"
      level              = "table"
      dimension          = dim
      settings           = s
    } if s != null
  }

  autoscaling_index = merge([
    for index_name, sides in var.autoscaling_indexes : {
      for dim, s in { read = sides.read, write = sides.write } : "${index_name}/${dim}" => {
        resource_id        = "table/${aws_dynamodb_table.this.name}/index/${index_name}"
        level              = "index"
        dimension          = dim
        settings           = s
      } if s != null
    }
  ]...)

  # Keys: "read", "write" for the table; "<index>/read", "<index>/write" for indexes.
  autoscaling = merge(local.autoscaling_table, local.autoscaling_index)

  capacity_units = { read = "ReadCapacityUnits", write = "WriteCapacityUnits" }
  utilization    = { read = "DynamoDBReadCapacityUtilization", write = "DynamoDBWriteCapacityUtilization" }
}

resource "aws_appautoscaling_target" "this" {
  for_each = local.autoscaling

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource_id
  scalable_dimension = "dynamodb:${each.value.level}:${local.capacity_units[each.value.dimension]}"
  min_capacity       = each.value.settings.min_capacity
  max_capacity       = each.value.settings.max_capacity
}

resource "aws_appautoscaling_policy" "this" {
  for_each = local.autoscaling

  name               = "${local.utilization[each.value.dimension]}:${aws_appautoscaling_target.this[each.key].resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = local.utilization[each.value.dimension]
    }

    target_value       = each.value.settings.target_value
    scale_in_cooldown  = each.value.settings.scale_in_cooldown
    scale_out_cooldown = each.value.settings.scale_out_cooldown
  }
}
