INSERT INTO orders (id, amount, note) VALUES (1, 9.99, 'first');
INSERT INTO orders VALUES (2, 1.5E2, NULL);
INSERT INTO orders (id) VALUES (-3);
