from assistant.calendar_words import CALENDAR_WORDS_FILE
from assistant.spoken_numbers import NUMBER_WORDS_FILE
from assistant.privacy.recognizers.place_name import PLACE_NAMES_FILE
from assistant.privacy.recognizers.script_name import SCRIPT_NAMES_FILE
from tools.privacy_data.calendar_words import contents as calendar_contents
from tools.privacy_data.number_words import contents as number_contents
from tools.privacy_data.place_names import contents as place_contents
from tools.privacy_data.script_names import contents as script_contents


def test_the_calendar_words_file_is_what_its_tool_writes():
    """CLDR's or Faker's month and weekday names changed, or the file was edited by hand:
    run the tool again."""
    assert CALENDAR_WORDS_FILE.read_text(encoding="utf-8") == calendar_contents()


def test_the_script_names_file_is_what_its_tool_writes():
    """Faker's names changed, or the file was edited by hand: run the tool again."""
    assert SCRIPT_NAMES_FILE.read_text(encoding="utf-8") == script_contents()


def test_the_place_names_file_is_what_its_tool_writes():
    """GeoNames' places changed, or the file was edited by hand: run the tool again."""
    assert PLACE_NAMES_FILE.read_text(encoding="utf-8") == place_contents()


def test_the_number_words_file_is_what_its_tool_writes():
    """num2words' words changed, or the file was edited by hand: run the tool again."""
    assert NUMBER_WORDS_FILE.read_text(encoding="utf-8") == number_contents()
