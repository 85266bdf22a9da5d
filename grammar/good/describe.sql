DESCRIBE pageviews;
DESCRIBE EXTENDED pageviews;
describe `Mixed`;
