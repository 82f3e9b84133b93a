# Pieces that variables.tf repeats (HCL has no type aliases or shared validations). Not a .tf file:
# terraform never reads it and the package does not ship it. `npm run generate` copies each fragment into
# the variables.tf regions marked `# BEGIN shared <fragment> …` / `# END shared <fragment>`.
#
# {{key}} is a parameter of the region's BEGIN line (or of the include); {{> fragment key=value}} inserts
# another fragment in place, its further lines indented like the line it sits on.

# ---- autoscaling-target.type
min_capacity       = number
max_capacity       = number
target_value       = optional(number, 70)
scale_in_cooldown  = optional(number, 0)
scale_out_cooldown = optional(number, 0)

# ---- autoscaling-target.condition
{{subject}} == null || try(
  {{subject}}.min_capacity >= 1 && {{subject}}.min_capacity <= {{subject}}.max_capacity &&
  {{subject}}.target_value >= 20 && {{subject}}.target_value <= 90 &&
  {{subject}}.scale_in_cooldown >= 0 && {{subject}}.scale_out_cooldown >= 0,
false)

# ---- autoscaling-target.rule
1 <= min_capacity <= max_capacity, target_value 20-90 and cooldowns >= 0

# ---- autoscaling-target.validation
validation {
  condition = {{> autoscaling-target.condition}}
  error_message = "{{label}} needs {{> autoscaling-target.rule}}."
}

# ---- autoscaling-indexes.validation
validation {
  condition = alltrue(flatten([
    for name, idx in var.autoscaling_indexes : [
      for s in [idx.read, idx.write] : {{> autoscaling-target.condition subject=s}}
    ]
  ]))
  error_message = "Each index autoscaling side needs {{> autoscaling-target.rule}}."
}

# ---- name.pattern
^[A-Za-z0-9_.-]{3,255}$

# ---- name.rule
3-255 characters of A-Z, a-z, 0-9, '_', '.' or '-'

# ---- name.validation
validation {
  condition     = can(regex("{{> name.pattern}}", {{subject}}))
  error_message = "{{label}} must be {{> name.rule}}."
}

# ---- index.validation
validation {
  condition     = alltrue([for i in {{subject}} : contains(["ALL", "KEYS_ONLY", "INCLUDE"], i.projection_type)])
  error_message = "projection_type must be ALL, KEYS_ONLY or INCLUDE."
}

validation {
  condition = alltrue([
    for i in {{subject}} : (i.projection_type == "INCLUDE") == (try(length(i.non_key_attributes), 0) > 0)
  ])
  error_message = "non_key_attributes must be non-empty with projection_type INCLUDE and absent otherwise."
}

validation {
  condition     = alltrue([for i in {{subject}} : can(regex("{{> name.pattern}}", i.name))])
  error_message = "Index names must be {{> name.rule}}."
}
