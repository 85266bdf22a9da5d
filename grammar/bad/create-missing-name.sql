--fail=2:15: Syntax error at or near '('
CREATE STREAM (a INT) WITH (kafka_topic='s', value_format='JSON');
