from assistant.privacy.recognizers.date import MONTH_NAMES_FILE
from tools.privacy_data.month_names import contents


def test_the_month_names_file_is_what_its_tool_writes():
    """Faker's month names changed, or the file was edited by hand: run the tool again."""
    assert MONTH_NAMES_FILE.read_text(encoding="utf-8") == contents()
