"""Our PHI recognizers, by the class name the YAML uses."""

import assistant.privacy.presidio_loader  # noqa: F401  (before Presidio: see its docstring)
from assistant.privacy.recognizers.account import AccountNumberRecognizer
from assistant.privacy.recognizers.address import AddressRecognizer
from assistant.privacy.recognizers.address_line import AddressLineRecognizer
from assistant.privacy.recognizers.age import AgeRecognizer
from assistant.privacy.recognizers.coded_id import CodedIdRecognizer
from assistant.privacy.recognizers.date import DateElementRecognizer
from assistant.privacy.recognizers.device import DeviceIdRecognizer
from assistant.privacy.recognizers.email import OfflineEmailRecognizer
from assistant.privacy.recognizers.health_plan import HealthPlanRecognizer
from assistant.privacy.recognizers.license import LicenseNumberRecognizer, VehiclePlateRecognizer
from assistant.privacy.recognizers.long_number import LongNumberRecognizer
from assistant.privacy.recognizers.medical_record import MedicalRecordRecognizer
from assistant.privacy.recognizers.name_list import NameListRecognizer
from assistant.privacy.recognizers.national_id import NationalIdRecognizer
from assistant.privacy.recognizers.national_id_shape import NationalIdShapeRecognizer
from assistant.privacy.recognizers.organization import OrganizationRecognizer
from assistant.privacy.recognizers.phone import PhoneNumberRecognizer
from assistant.privacy.recognizers.place import PlaceRecognizer
from assistant.privacy.recognizers.place_name import PlaceNameRecognizer
from assistant.privacy.recognizers.postal_code import PostalCodeRecognizer
from assistant.privacy.recognizers.postcode_place import PostcodePlaceRecognizer
from assistant.privacy.recognizers.script_name import ScriptNameRecognizer
from assistant.privacy.recognizers.spelled_out import (
    DefangedIpRecognizer,
    DefangedUrlRecognizer,
    SpelledEmailRecognizer,
)
from assistant.privacy.recognizers.ssn import SsnRecognizer
from assistant.privacy.recognizers.street_address import StreetAddressRecognizer
from assistant.privacy.recognizers.table import TableColumnRecognizer
from assistant.privacy.recognizers.tagger import PhiTaggerRecognizer
from assistant.privacy.recognizers.titled_name import TitledNameRecognizer
from assistant.privacy.recognizers.url import WebAddressRecognizer
from assistant.privacy.recognizers.vocative import VocativeNameRecognizer
from assistant.privacy.recognizers.zip_code import ZipCodeRecognizer

CUSTOM_RECOGNIZERS = {
    cls.__name__: cls
    for cls in (
        AccountNumberRecognizer,
        DefangedIpRecognizer,
        DefangedUrlRecognizer,
        AddressRecognizer,
        AddressLineRecognizer,
        AgeRecognizer,
        CodedIdRecognizer,
        DateElementRecognizer,
        DeviceIdRecognizer,
        HealthPlanRecognizer,
        LicenseNumberRecognizer,
        LongNumberRecognizer,
        MedicalRecordRecognizer,
        NameListRecognizer,
        NationalIdRecognizer,
        NationalIdShapeRecognizer,
        OfflineEmailRecognizer,
        OrganizationRecognizer,
        PhoneNumberRecognizer,
        PhiTaggerRecognizer,
        PlaceRecognizer,
        PlaceNameRecognizer,
        PostalCodeRecognizer,
        ScriptNameRecognizer,
        PostcodePlaceRecognizer,
        SpelledEmailRecognizer,
        SsnRecognizer,
        StreetAddressRecognizer,
        TableColumnRecognizer,
        TitledNameRecognizer,
        VocativeNameRecognizer,
        VehiclePlateRecognizer,
        WebAddressRecognizer,
        ZipCodeRecognizer,
    )
}

__all__ = ["CUSTOM_RECOGNIZERS", *CUSTOM_RECOGNIZERS]
