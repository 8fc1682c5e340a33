#include "util/system_error.h"

#include <cerrno>

namespace sdm {

std::string dutch_errno(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
      return "geen toestemming (rechten van de map of het bestand)";
    case EROFS:
      return "het bestandssysteem is alleen-lezen";
    case ENOSPC:
      return "de schijf is vol";
    case EDQUOT:
      return "het quotum op de schijf is op";
    case EEXIST:
      return "er staat al iets met die naam";
    case ENOTDIR:
      return "een deel van het pad is geen map";
    case EISDIR:
      return "dat is een map, geen bestand";
    case ENOENT:
      return "bestaat niet (meer)";
    case EMFILE:
    case ENFILE:
      return "te veel bestanden tegelijk open";
    case EIO:
      return "lees- of schrijffout van de schijf";
    case EXDEV:
      return "de mappen staan op verschillende bestandssystemen";
    case ENAMETOOLONG:
      return "de naam is te lang";
    case ELOOP:
      return "te veel symbolische links achter elkaar";
    case EBUSY:
      return "de map is in gebruik (bijvoorbeeld een koppelpunt)";
    case ENOTEMPTY:
      return "de map is niet leeg";
    default:
      return "systeemfout " + std::to_string(error);
  }
}

}  // namespace sdm
