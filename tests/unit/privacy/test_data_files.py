from assistant.privacy.recognizers.date import MONTH_NAMES_FILE
from assistant.privacy.recognizers.script_name import SCRIPT_NAMES_FILE
from tools.privacy_data.month_names import contents
from tools.privacy_data.script_names import contents as script_contents


def test_the_month_names_file_is_what_its_tool_writes():
    """Faker's month names changed, or the file was edited by hand: run the tool again."""
    assert MONTH_NAMES_FILE.read_text(encoding="utf-8") == contents()


def test_the_script_names_file_is_what_its_tool_writes():
    """Faker's names changed, or the file was edited by hand: run the tool again."""
    assert SCRIPT_NAMES_FILE.read_text(encoding="utf-8") == script_contents()
