CREATE STREAM keyed (k STRUCT<a INT, b STRING> KEY, v ARRAY<MAP<STRING, INT>>)
  WITH (kafka_topic='keyed', value_format='JSON', key_format='JSON');
