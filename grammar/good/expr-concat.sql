SELECT first || ' ' || last AS full_name, 'a' || 1 + 2 FROM people;
