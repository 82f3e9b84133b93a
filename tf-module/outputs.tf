output "table_name" {
  description = "Name of the DynamoDB table."
  value       = aws_dynamodb_table.this.name
}

output "table_arn" {
  description = "ARN of the DynamoDB table."
  value       = aws_dynamodb_table.this.arn
}

output "table_id" {
  description = "ID of the DynamoDB table (its name)."
  value       = aws_dynamodb_table.this.id
}

output "stream_arn" {
  description = "ARN of the table's stream, or null when streams are off."
  value       = var.stream_enabled ? aws_dynamodb_table.this.stream_arn : null
}

output "stream_label" {
  description = "Timestamp label of the table's stream, or null when streams are off."
  # The label is the last part of the stream ARN. Taken from the ARN because provider 5.100 leaves
  # stream_label empty in the state after an update that turns the stream on (the ARN is set), which
  # made the output change on the next refresh.
  value = var.stream_enabled ? try(regex("/stream/([^/]+)$", aws_dynamodb_table.this.stream_arn)[0], aws_dynamodb_table.this.stream_label) : null
}

output "aws_region" {
  description = "Region the table lives in (the provider's region)."
  value       = data.aws_region.current.name
}

output "global_secondary_index_names" {
  description = "Names of the global secondary indexes."
  value       = [for i in var.global_secondary_indexes : i.name]
}

output "local_secondary_index_names" {
  description = "Names of the local secondary indexes."
  value       = [for i in var.local_secondary_indexes : i.name]
}

output "replica_arns" {
  description = "ARN of each replica table, keyed by region."
  value       = { for r in aws_dynamodb_table.this.replica : r.region_name => r.arn }
}

output "key_type_drift" {
  description = "Key attributes whose type differs from the live table's (read through live_table), which the AWS provider does not plan: one entry per key, with key (hash_key or range_key), index (null for the table, local:NAME or global:NAME), attribute, live_type, type, and replaces_table (true for a table or LSI key: replace aws_dynamodb_table.this; false for a GSI key: remove the index, apply, add it back). Empty when the types agree or live_table is null."
  value       = local.key_type_drift
}
