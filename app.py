"""The KAP Integration Assistant in the browser: ``streamlit run app.py`` (or ``kap app``)."""

import streamlit as st

from assistant.logs import configure_logging
from assistant.offline import enforce_offline
from assistant.ui import access, navigation, resources
from assistant.ui.components import favicon
from assistant.ui.errors import friendly

enforce_offline()
st.set_page_config(page_title="KAP Integration Assistant", page_icon=favicon(), layout="wide")


@friendly
def main() -> None:
    settings = resources.settings()
    configure_logging(settings.log_level)  # our loggers only; they never carry PHI
    access.require_gate_when_shared(settings)
    if not access.gate(settings):
        st.stop()
    current = st.navigation(navigation.sections())
    with st.sidebar:
        st.caption("Local and private: nothing leaves this machine unless configured.")
    current.run()


main()
