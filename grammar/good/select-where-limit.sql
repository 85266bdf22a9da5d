SELECT userid FROM pageviews WHERE pageid = 'home' EMIT CHANGES LIMIT 10;
SELECT * FROM users WHERE age >= 18 LIMIT 5;
SELECT * FROM users LIMIT 0;
