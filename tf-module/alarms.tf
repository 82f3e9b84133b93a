# CloudWatch alarms on throttling of the table (not its indexes): one per read and write metric.

locals {
  throttle_alarm = try(var.alarms.throttle.enabled, false) ? var.alarms.throttle : null
  throttle_metrics = local.throttle_alarm == null ? {} : {
    read  = "ReadThrottleEvents"
    write = "WriteThrottleEvents"
  }
}

resource "aws_cloudwatch_metric_alarm" "throttle" {
  for_each = local.throttle_metrics

  alarm_name        = "${aws_dynamodb_table.this.name}-${each.value}"
  alarm_description = "DynamoDB table ${aws_dynamodb_table.this.name}: more than ${local.throttle_alarm.threshold} ${each.value} per ${local.throttle_alarm.period_seconds} s."

  namespace   = "AWS/DynamoDB"
  metric_name = each.value
  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  statistic           = "Sum"
  comparison_operator = "GreaterThanThreshold"
  threshold           = local.throttle_alarm.threshold
  period              = local.throttle_alarm.period_seconds
  evaluation_periods  = local.throttle_alarm.evaluation_periods
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.throttle_alarm.alarm_actions

  tags = local.tags
}
