CREATE STREAM all_types (
  b BOOLEAN, i INT, i2 INTEGER, l BIGINT, d DOUBLE, dec DECIMAL(10, 2),
  s STRING, v VARCHAR, y BYTES, ts TIMESTAMP, dt DATE, tm TIME
) WITH (kafka_topic='all_types', value_format='JSON');
