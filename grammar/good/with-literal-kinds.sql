CREATE STREAM props (a INT) WITH (
  kafka_topic = 'props', value_format = 'JSON', partitions = 4, replicas = 1,
  wrap_single_value = false, timestamp = 'a', 'value_delimiter' = '|'
);
