DEFINE format = 'JSON';
DEFINE topicName = '''my_topic''';
DEFINE _under_score1 = '';
UNDEFINE format;
