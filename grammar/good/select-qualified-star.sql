SELECT p.* FROM pageviews p EMIT CHANGES;
SELECT p.*, p.userid AS uid FROM pageviews AS p;
