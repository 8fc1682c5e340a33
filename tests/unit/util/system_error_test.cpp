#include "util/system_error.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace sdm {
namespace {

TEST(DutchErrno, TheCommonErrorsAreDutchAndAnUnusualOneIsNamedByItsNumber) {
  EXPECT_EQ(dutch_errno(EROFS), "het bestandssysteem is alleen-lezen");
  EXPECT_EQ(dutch_errno(ENOSPC), "de schijf is vol");
  EXPECT_EQ(dutch_errno(EACCES), "geen toestemming (rechten van de map of het bestand)");
  for (int error : {EACCES, EROFS, ENOSPC, EDQUOT, EEXIST, ENOTDIR, EISDIR, ENOENT, EMFILE, EIO,
                    EXDEV, ENAMETOOLONG, ELOOP, EBUSY})
    EXPECT_EQ(dutch_errno(error).find("systeemfout"), std::string::npos) << error;
  EXPECT_EQ(dutch_errno(EOWNERDEAD), "systeemfout " + std::to_string(EOWNERDEAD));
}

}  // namespace
}  // namespace sdm
