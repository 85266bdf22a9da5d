--fail=2:20: DECIMAL scale must not exceed precision
CREATE STREAM s (d DECIMAL(2, 5)) WITH (kafka_topic='s', value_format='JSON');
