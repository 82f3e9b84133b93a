# What the table looks like right now, as the caller read it at plan time (planton's root module reads
# it with the aws_dynamodb_table data source). Used only for values that someone other than this
# module owns or needs to know: capacities that Application Auto Scaling manages, the attribute name
# AWS needs to turn TTL off, and the key attribute types the provider never compares (key_type_drift).
# null (the default) means the table does not exist yet or the caller does not know; the inputs are
# then applied as given.

variable "live_table" {
  description = "The live table read at plan time (the aws_dynamodb_table data source's attributes), or null. Autoscaled capacities keep their live value, TTL is turned off with the live attribute name, and key attributes whose type differs from the live one are reported in key_type_drift."
  type = object({
    billing_mode   = optional(string)
    read_capacity  = optional(number)
    write_capacity = optional(number)
    hash_key       = optional(string)
    range_key      = optional(string)
    attribute = optional(list(object({
      name = string
      type = string
    })), [])
    global_secondary_index = optional(list(object({
      name           = string
      hash_key       = optional(string)
      range_key      = optional(string)
      read_capacity  = optional(number)
      write_capacity = optional(number)
    })), [])
    local_secondary_index = optional(list(object({
      name      = string
      range_key = optional(string)
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

# Key attributes whose type differs from the live table's. The AWS provider does not compare the types
# of key attributes (the plan shows no change and the table keeps its old type), so the caller has to
# act on this: a table or LSI key needs the table replaced (`-replace` of aws_dynamodb_table.this), a
# GSI key needs the index removed in one apply and added back in the next. Only keys that keep their
# attribute name count: a renamed key is a change the provider itself plans.
locals {
  live_attribute_types   = { for a in try(var.live_table.attribute, []) : a.name => a.type }
  wanted_attribute_types = { for a in var.attributes : a.name => a.type }
  live_local_indexes     = { for i in try(var.live_table.local_secondary_index, []) : i.name => i }
  key_slots = concat(
    [
      { key = "hash_key", index = null, attribute = var.hash_key, live_attribute = try(var.live_table.hash_key, null), replaces_table = true },
      { key = "range_key", index = null, attribute = var.range_key, live_attribute = try(var.live_table.range_key, null), replaces_table = true },
    ],
    [for i in var.local_secondary_indexes : { key = "range_key", index = "local:${i.name}", attribute = i.range_key, live_attribute = try(local.live_local_indexes[i.name].range_key, null), replaces_table = true }],
    flatten([for i in var.global_secondary_indexes : [
      { key = "hash_key", index = "global:${i.name}", attribute = i.hash_key, live_attribute = try(local.live_indexes[i.name].hash_key, null), replaces_table = false },
      { key = "range_key", index = "global:${i.name}", attribute = i.range_key, live_attribute = try(local.live_indexes[i.name].range_key, null), replaces_table = false },
    ]]),
  )
  key_type_drift = [
    for s in local.key_slots : {
      key            = s.key
      index          = s.index
      attribute      = s.attribute
      live_type      = local.live_attribute_types[s.attribute]
      type           = local.wanted_attribute_types[s.attribute]
      replaces_table = s.replaces_table
    }
    if try(s.attribute == s.live_attribute && local.live_attribute_types[s.attribute] != local.wanted_attribute_types[s.attribute], false)
  ]
}
