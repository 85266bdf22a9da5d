--fail=2:20: Unknown type 'FOO'
CREATE STREAM s (a FOO) WITH (kafka_topic='s', value_format='JSON');
