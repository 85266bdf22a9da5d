--fail=2:29: missing '>' at ')'
CREATE STREAM s (a ARRAY<INT) WITH (kafka_topic='s', value_format='JSON');
