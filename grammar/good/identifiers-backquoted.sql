SELECT `MixedCase`, `with space`, `back``tick`, `SELECT` FROM `My Stream` WHERE `from` = 1;
CREATE STREAM `CaseSensitive` (`lower` INT, `Upper` STRING) WITH (kafka_topic='cs', value_format='JSON');
