select userid, count(*) from pageviews where pageid <> 'x' emit changes limit 3;
