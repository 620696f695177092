DROP TABLE "number_provisionings";
DROP TYPE "NumberState";
