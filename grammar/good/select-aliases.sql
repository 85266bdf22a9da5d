SELECT userid AS u, pageid p, viewtime * 1000 AS millis FROM pageviews EMIT CHANGES;
