--fail=2:15: Syntax error at or near 'select'
CREATE STREAM select (a INT) WITH (kafka_topic='s', value_format='JSON');
