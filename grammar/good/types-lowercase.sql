create stream lower_types (b boolean, i int, l bigint, d double, dec decimal(4,2), s string, ts timestamp)
  with (kafka_topic='lower_types', value_format='json');
