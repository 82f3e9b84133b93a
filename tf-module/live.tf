# What the table looks like right now, as the caller read it at plan time (planton's root module reads
# it with the aws_dynamodb_table data source). Used only for values that someone other than this
# module owns or needs to know: capacities that Application Auto Scaling manages, and the attribute
# name AWS needs to turn TTL off. null (the default) means the table does not exist yet or the caller
# does not know; the inputs are then applied as given.

variable "live_table" {
  description = "The live table read at plan time (the aws_dynamodb_table data source's attributes), or null. Autoscaled capacities keep their live value, and TTL is turned off with the live attribute name."
  type = object({
    billing_mode   = optional(string)
    read_capacity  = optional(number)
    write_capacity = optional(number)
    global_secondary_index = optional(list(object({
      name           = string
      read_capacity  = optional(number)
      write_capacity = optional(number)
    })), [])
    ttl = optional(list(object({
      attribute_name = optional(string)
      enabled        = optional(bool)
    })), [])
  })
  default = null
}

locals {
  live_provisioned = try(var.live_table.billing_mode == "PROVISIONED", false)
  live_indexes     = { for i in try(var.live_table.global_secondary_index, []) : i.name => i }

  # A dimension with autoscaling belongs to Application Auto Scaling: keep what it set (never reset it
  # to the configured value). Every other dimension gets the configured capacity, so a changed fixed
  # capacity is applied and a capacity changed behind terraform's back shows as a difference.
  # A live value of 0 (the table is on demand now) is no capacity to keep.
  table_read_capacity = (
    var.autoscaling_read != null && local.live_provisioned && try(var.live_table.read_capacity > 0, false)
    ? var.live_table.read_capacity : var.read_capacity
  )
  table_write_capacity = (
    var.autoscaling_write != null && local.live_provisioned && try(var.live_table.write_capacity > 0, false)
    ? var.live_table.write_capacity : var.write_capacity
  )
  index_capacity = {
    for i in var.global_secondary_indexes : i.name => {
      read = (
        try(var.autoscaling_indexes[i.name].read, null) != null && local.live_provisioned && try(local.live_indexes[i.name].read_capacity > 0, false)
        ? local.live_indexes[i.name].read_capacity : i.read_capacity
      )
      write = (
        try(var.autoscaling_indexes[i.name].write, null) != null && local.live_provisioned && try(local.live_indexes[i.name].write_capacity > 0, false)
        ? local.live_indexes[i.name].write_capacity : i.write_capacity
      )
    }
  }

  # Turning TTL off needs the attribute it is on (AWS: "TimeToLive is active on a different
  # AttributeName" otherwise). With no TTL in the inputs, the live attribute turns it off, so a removed
  # ttl block converges like `enabled = false`.
  live_ttl_attribute = try([for t in var.live_table.ttl : t.attribute_name if t.enabled == true && t.attribute_name != ""][0], null)
  ttl_attribute_name = var.ttl_attribute_name != null ? var.ttl_attribute_name : local.live_ttl_attribute
}
