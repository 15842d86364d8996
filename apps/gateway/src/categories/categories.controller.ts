import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CategoryBody, CategoryList, CategoryView, MergeCategoryBody, SUBJECTS } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Your categories (the default set plus your own), with how many expenses each holds' })
  @ApiResponse({ status: 200, schema: schemaRef(CategoryList) })
  @problemResponses(401)
  list(@CurrentCaller() caller: Caller): Promise<CategoryList> {
    return this.rpc.request(SUBJECTS.listCategories, { userId: caller.userId });
  }

  @Post()
  @ApiOperation({ summary: 'Add a category' })
  @ApiBody({ schema: schemaRef(CategoryBody) })
  @ApiResponse({ status: 201, schema: schemaRef(CategoryView) })
  @problemResponses(400, 401, 409)
  create(@CurrentCaller() caller: Caller, @Body() body: CategoryBody): Promise<CategoryView> {
    return this.rpc.request(SUBJECTS.createCategory, { userId: caller.userId, name: body.name });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a category; its expenses keep it' })
  @ApiBody({ schema: schemaRef(CategoryBody) })
  @ApiResponse({ status: 200, schema: schemaRef(CategoryView) })
  @problemResponses(400, 401, 404, 409)
  rename(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Body() body: CategoryBody): Promise<CategoryView> {
    return this.rpc.request(SUBJECTS.renameCategory, { userId: caller.userId, categoryId: id, name: body.name });
  }

  @Post(':id/merge')
  @ApiOperation({ summary: 'Move every expense of this category into another and remove this one' })
  @ApiBody({ schema: schemaRef(MergeCategoryBody) })
  @ApiResponse({ status: 201, schema: schemaRef(CategoryView), description: 'The category that received the expenses' })
  @problemResponses(400, 401, 404)
  merge(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Body() body: MergeCategoryBody): Promise<CategoryView> {
    return this.rpc.request(SUBJECTS.mergeCategory, { userId: caller.userId, categoryId: id, into: body.into }, { timeoutMs: 60_000 });
  }
}
