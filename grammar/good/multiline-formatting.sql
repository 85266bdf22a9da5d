SELECT
    userid,
    pageid
  FROM
    pageviews
  WHERE
    viewtime > 1000
      AND pageid LIKE 'p%'
  EMIT CHANGES
  LIMIT 100;
