CREATE OR REPLACE STREAM s1 (a INT) WITH (kafka_topic='t1', value_format='JSON');
CREATE OR REPLACE TABLE t1 (k INT PRIMARY KEY, v STRING) WITH (kafka_topic='t2', value_format='JSON');
