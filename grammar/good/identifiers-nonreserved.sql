-- Keywords that ksqlDB does not reserve work as column names.
CREATE STREAM events (timestamp BIGINT, date DATE, time TIME, key STRING KEY, value STRING,
  topic STRING, type STRING, name STRING, source STRING, emit INT, changes INT, map INT,
  array INT, struct INT, interval INT, escape STRING, replace STRING, if INT, set INT,
  show INT, tables INT, functions INT, variables INT, define INT, undefine INT, primary INT)
  WITH (kafka_topic='events', value_format='JSON');
SELECT timestamp, date, time, key, value, topic, type, name FROM events;
