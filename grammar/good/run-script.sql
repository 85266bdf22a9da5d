RUN SCRIPT '/tmp/setup.sql';
RUN SCRIPT 'relative/path with spaces.sql';
